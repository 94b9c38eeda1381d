// The one identity the Function App runs as: the host, the deployment package download and the
// app's own blob client (DefaultAzureCredential with AZURE_CLIENT_ID) all use it.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
