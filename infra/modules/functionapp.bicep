// Flex Consumption plan (FC1) and the Linux Function App running dotnet-isolated 10.0.
//
// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE, WEBSITE_TIME_ZONE, WEBSITE_CONTENT* and the build settings as app
// settings: the runtime and the package location live in functionAppConfig instead, and
// schedules are UTC.
param planName string
param appName string
param location string
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (for AzureWebJobsStorage and DefaultAzureCredential).')
param identityClientId string

param hostStorageName string
param hostBlobEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string

param dataBlobEndpoint string
param publishedContainerName string

param ingestSchedule string
param sweepSchedule string
@minValue(1)
param keepLatestRuns int

@description('Hours after which /api/health calls the data stale.')
@minValue(1)
param maxDataAgeHours int
@minValue(0)
param maxConsecutiveSourceFailures int

@description('Queue service endpoint of the account that holds the ingest queue (the host account).')
param hostQueueEndpoint string
param ingestQueueName string
@allowed(['Queue', 'InProcess'])
param ingestFanOut string
param eia930ApiUrl string
param eia930BulkUrl string
param eia860mUrl string
param emberUrl string

@secure()
@description('EIA API v2 key; empty leaves the EIA API source failing with a clear message.')
param eiaApiKey string

@secure()
@description('PJM\'s queue export subscription key; empty leaves a pjm queue entry failing with a clear message.')
param pjmSubscriptionKey string = ''

@minValue(40)
param maximumInstanceCount int
@allowed([512, 2048, 4096])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  // azd finds the app to deploy the "api" service of azure.yaml by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The Functions host's storage, by identity.
        { name: 'AzureWebJobsStorage__accountName', value: hostStorageName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // Telemetry, authenticated with the identity because local auth is off.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // DefaultAzureCredential picks the user-assigned identity by this client id.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        // The pipeline's own spans, metrics and logs (docs/telemetry.md), to the same Application Insights, by the identity above.
        { name: 'Telemetry__Exporter', value: 'AzureMonitor' }
        // The app's own settings (docs/settings.md).
        { name: 'INGEST_SCHEDULE', value: ingestSchedule }
        // The daily sweep and what it removes (docs/sweep.md).
        { name: 'SWEEP_SCHEDULE', value: sweepSchedule }
        { name: 'Sweep__AtRunStart', value: 'true' }
        { name: 'Sweep__WorkFolderAge', value: '1.00:00:00' }
        { name: 'Sweep__HalfRunAge', value: '1.00:00:00' }
        { name: 'Sweep__TempFileAge', value: '1.00:00:00' }
        { name: 'Sweep__PlanExpiry', value: '7.00:00:00' }
        { name: 'Sweep__ReportAge', value: '30.00:00:00' }
        { name: 'Sweep__KeepLatestRuns', value: string(keepLatestRuns) }
        { name: 'Sweep__KeepMonthlyRuns', value: 'true' }
        // /api/health: stale data and repeatedly failing sources, with the same thresholds as the alerts (modules/alerts.bicep).
        // A duration as d.hh:mm:ss: TimeSpan reads "36:00:00" as 36 days.
        { name: 'Health__MaxDataAge', value: '${maxDataAgeHours / 24}.${padLeft(string(maxDataAgeHours % 24), 2, '0')}:00:00' }
        { name: 'Health__MaxConsecutiveFailures', value: string(maxConsecutiveSourceFailures) }
        // The fan-out of ingest runs: partitions through the queue, reached by identity (trigger and app alike).
        { name: 'Ingest__FanOut', value: ingestFanOut }
        { name: 'Ingest__MaxDequeueCount', value: '5' }
        { name: 'INGEST_QUEUE_NAME', value: ingestQueueName }
        { name: 'IngestQueue__QueueServiceUri', value: hostQueueEndpoint }
        { name: 'IngestQueue__Credential', value: 'managedidentity' }
        { name: 'IngestQueue__ClientId', value: identityClientId }
        { name: 'EIA_API_KEY', value: eiaApiKey }
        { name: 'Sources__Queues__PjmSubscriptionKey', value: pjmSubscriptionKey }
        { name: 'Pipeline__Mode', value: 'Live' }
        { name: 'PublishedStorage__ServiceUri', value: dataBlobEndpoint }
        { name: 'PublishedStorage__Container', value: publishedContainerName }
        // Bounded blob retries: a store that fails ends a run in seconds, naming the cause (docs/failure-behaviour.md).
        { name: 'PublishedStorage__MaxRetries', value: '3' }
        { name: 'PublishedStorage__RetryDelay', value: '00:00:00.5' }
        { name: 'PublishedStorage__NetworkTimeout', value: '00:01:40' }
        { name: 'Sources__Http__MaxRetries', value: '4' }
        { name: 'Sources__Http__RetryDelay', value: '00:00:02' }
        { name: 'Sources__Http__AttemptTimeout', value: '00:02:00' }
        { name: 'Sources__Http__TotalTimeout', value: '00:10:00' }
        { name: 'Sources__Http__BodyIdleTimeout', value: '00:01:00' }
        { name: 'Sources__Http__BodyRetries', value: '2' }
        { name: 'Sources__Http__BodyDeadline', value: '00:30:00' }
        { name: 'Sources__Http__MaxBodyBytes', value: '1073741824' }
        { name: 'Sources__Limits__MaxPartBytes', value: '536870912' }
        { name: 'Sources__Limits__MaxCompressionRatio', value: '100' }
        { name: 'Sources__Limits__MaxCellChars', value: '32767' }
        { name: 'Sources__Limits__MaxSharedStringChars', value: '32767' }
        { name: 'Sources__Limits__MaxSheetRows', value: '1048576' }
        { name: 'Sources__Limits__MaxSheetColumns', value: '1000' }
        { name: 'Sources__Limits__MaxCsvRecordBytes', value: '1048576' }
        { name: 'Sources__Limits__MaxQuarantinedRowsPerFile', value: '10000' }
        { name: 'Parquet__Compression', value: 'Snappy' }
        { name: 'Sources__Eia930Api__Url', value: eia930ApiUrl }
        { name: 'Sources__Eia930Api__Days', value: '7' }
        { name: 'Sources__Eia930Api__PageLength', value: '5000' }
        { name: 'Sources__Eia930Api__MaxPages', value: '2000' }
        { name: 'Sources__Eia930Api__MaxPageBytes', value: '67108864' }
        { name: 'Sources__Eia930Bulk__Url', value: eia930BulkUrl }
        { name: 'Sources__Eia930Bulk__FromYear', value: '2015' }
        { name: 'Sources__Eia860m__Url', value: eia860mUrl }
        { name: 'Sources__Eia860m__MonthsBack', value: '6' }
        { name: 'Sources__Eia860m__VintagesFromYear', value: '2016' }
        { name: 'Sources__Eia860m__RecentVintages', value: '13' }
        { name: 'Gap__CompletionWeights__Cohorts', value: '3' }
        { name: 'Gap__CompletionWeights__MinimumCohortMw', value: '1000' }
        { name: 'Sources__Ember__Url', value: emberUrl }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
