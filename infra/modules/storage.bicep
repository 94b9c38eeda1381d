// A storage account reached only with Entra ID (no shared keys), HTTPS and TLS 1.2, with its containers.
param name string
param location string
param tags object

@description('Containers to create in the account.')
param containers string[]

@description('Lets containers of this account be read anonymously; only the public download container of the published data sets it.')
param allowBlobPublicAccess bool = false

@description('The container that is readable anonymously when allowBlobPublicAccess is true.')
param publicContainer string = ''

@description('Queues to create in the account.')
param queues string[] = []

@description('Blob prefixes (container/path/) of working state that is deleted some days after its last change.')
param expiringPrefixes string[] = []

@minValue(1)
param expireAfterDays int = 14

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: allowBlobPublicAccess
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [for containerName in containers: {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: allowBlobPublicAccess && containerName == publicContainer ? 'Blob' : 'None'
  }
}]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = if (!empty(expiringPrefixes)) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-working-state'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: expiringPrefixes
            }
            actions: {
              baseBlob: {
                delete: { daysAfterModificationGreaterThan: expireAfterDays }
              }
            }
          }
        }
      ]
    }
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = if (!empty(queues)) {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [for queueName in queues: {
  parent: queueService
  name: queueName
}]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
