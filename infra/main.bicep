// AiEnergyPipeline in Azure: a Flex Consumption Function App that ingests on a timer and over
// HTTP and publishes runs to a blob container, reached only with its managed identity.
// Deployed with `azd up` (azure.yaml at the repository root); see docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@secure()
@description('EIA API v2 key (free from https://www.eia.gov/opendata/register.php). Set with `azd env set EIA_API_KEY <key>`.')
param eiaApiKey string = ''

@secure()
@description('PJM\'s queue export subscription key (the public key PJM\'s interconnection queues page sends; gridstatus takes it from there). Empty leaves a pjm queue entry failing with a clear message. Set with `azd env set PJM_SUBSCRIPTION_KEY <key>`.')
param pjmSubscriptionKey string = ''

@description('When true, the published container is readable anonymously (a public download); otherwise blob public access stays off.')
param publicDownload bool = false

@description('6-field NCRONTAB schedule of the ingest timer, UTC.')
param ingestSchedule string = '0 0 6 * * *'

@description('6-field NCRONTAB schedule of the daily sweep (litter of crashed runs, runs past retention), UTC.')
param sweepSchedule string = '0 30 5 * * *'

@description('Complete runs the sweep keeps whatever their age (the newest); the last run of each month is kept as well.')
@minValue(1)
@maxValue(100000)
param keepLatestRuns int = 10

@description('Queue: the timer only plans a run and its partitions go through the ingest queue to many instances; InProcess: one instance runs it all.')
@allowed(['Queue', 'InProcess'])
param ingestFanOut string = 'Queue'

@description('The storage queue of ingest partitions, in the host account (at most 56 characters: its poison queue adds -poison).')
@minLength(3)
@maxLength(56)
param ingestQueueName string = 'ingest-partitions'

param eia930ApiUrl string = 'https://api.eia.gov/v2/electricity/rto/region-data/data/'
param eia930BulkUrl string = 'https://www.eia.gov/electricity/gridmonitor/sixMonthFiles/'
param eia860mUrl string = 'https://www.eia.gov/electricity/data/eia860m/'
param emberUrl string = 'https://files.ember-energy.org/public-downloads/yearly_full_release_long_format.csv'

@description('E-mail address the alerts go to (a failed run, a source failing repeatedly, stale data). Set with `azd env set ALERT_EMAIL <address>`; empty: the alerts fire with no one told.')
param alertEmail string = ''

@description('Hours after which the published data counts as stale, for /api/health (Health__MaxDataAge) and its alert; at most 47.')
@minValue(1)
@maxValue(47)
param maxDataAgeHours int = 36

@description('Failed ingests in a row a source may have before /api/health answers 503 and its alert fires (Health__MaxConsecutiveFailures).')
@minValue(0)
@maxValue(100)
param maxConsecutiveSourceFailures int = 3

@description('Flex Consumption scale-out limit (40 is the plan\'s minimum setting).')
@minValue(40)
param maximumInstanceCount int = 40

@description('Memory of an instance; 2048 MB holds the largest workbook the pipeline reads.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var deploymentContainerName = 'app-package'
var publishedContainerName = 'published'
var hostStorageName = take('sthost${token}', 24)
var dataStorageName = take('stdata${token}', 24)
var applicationInsightsName = 'appi-aienergy-${token}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-aienergy-${token}'
    location: location
    tags: tags
  }
}

// The Functions host's account: keys, timer leases and the deployment package.
module hostStorage 'modules/storage.bicep' = {
  name: 'hostStorage'
  scope: rg
  params: {
    name: hostStorageName
    location: location
    tags: tags
    containers: [deploymentContainerName]
    // The ingest queue and the poison queue the host moves messages to after maxDequeueCount deliveries.
    queues: [ingestQueueName, '${ingestQueueName}-poison']
  }
}

// The published data, apart from the host's account so that a public download never exposes host state.
module dataStorage 'modules/storage.bicep' = {
  name: 'dataStorage'
  scope: rg
  params: {
    name: dataStorageName
    location: location
    tags: tags
    containers: [publishedContainerName]
    allowBlobPublicAccess: publicDownload
    publicContainer: publishedContainerName
    // The state of fanned-out runs (work/{planId}/...) is needed only while a run is in flight.
    expiringPrefixes: ['${publishedContainerName}/work/']
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-aienergy-${token}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    appInsightsName: monitoring.outputs.applicationInsightsName
    actionGroupName: 'ag-aienergy-${token}'
    location: location
    tags: tags
    alertEmail: alertEmail
    maxDataAgeHours: maxDataAgeHours
    maxConsecutiveSourceFailures: maxConsecutiveSourceFailures
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    hostStorageName: hostStorageName
    dataStorageName: dataStorageName
    publishedContainerName: publishedContainerName
    applicationInsightsName: applicationInsightsName
  }
  // Names are known before deployment (so what-if can predict the assignments); the resources must exist first.
  dependsOn: [hostStorage, dataStorage, monitoring]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    planName: 'plan-aienergy-${token}'
    appName: 'func-aienergy-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageName: hostStorage.outputs.name
    hostBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    dataBlobEndpoint: dataStorage.outputs.blobEndpoint
    publishedContainerName: publishedContainerName
    ingestSchedule: ingestSchedule
    sweepSchedule: sweepSchedule
    keepLatestRuns: keepLatestRuns
    maxDataAgeHours: maxDataAgeHours
    maxConsecutiveSourceFailures: maxConsecutiveSourceFailures
    hostQueueEndpoint: hostStorage.outputs.queueEndpoint
    ingestQueueName: ingestQueueName
    ingestFanOut: ingestFanOut
    eia930ApiUrl: eia930ApiUrl
    eia930BulkUrl: eia930BulkUrl
    eia860mUrl: eia860mUrl
    emberUrl: emberUrl
    eiaApiKey: eiaApiKey
    pjmSubscriptionKey: pjmSubscriptionKey
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The host starts as soon as the app exists: its storage and telemetry roles must be in place.
  dependsOn: [roles]
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_URL string = 'https://${functionApp.outputs.defaultHostName}'
output PUBLISHED_BLOB_ENDPOINT string = dataStorage.outputs.blobEndpoint
output PUBLISHED_CONTAINER string = publishedContainerName
