using System.Text.Json.Nodes;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Infra;

/// <summary>The security and configuration promises of infra/main.bicep, checked on the compiled ARM template.</summary>
public class MainTemplateTests
{
    /// <summary>Settings of local.settings.sample.json that the deployed app does not get, and why.</summary>
    private static readonly string[] NotDeployed =
    [
        "AzureWebJobsStorage",                 // local connection string; in Azure AzureWebJobsStorage__accountName/__credential/__clientId
        "FUNCTIONS_WORKER_RUNTIME",            // rejected by Flex Consumption: functionAppConfig.runtime says dotnet-isolated
        "PublishedStorage__ConnectionString",  // local only; in Azure PublishedStorage__ServiceUri with the managed identity
        "PublishedStorage__Path",              // local folder store; would win over blob settings
        "PublishedStorage__ServiceVersion",    // pins an old version for emulators only
        "Pipeline__SnapshotPath",              // Live mode in Azure reads no snapshot
        "Pipeline__WorkDirectory",             // blank default: the instance's temp folder
        "Sources__Eia930Api__Start",           // blank default: a window ending now (Days long) is what a schedule wants
        "Sources__Eia930Api__End",             // blank default: this hour
        "Sources__Eia860m__Month",             // blank default: the newest published month
        "Sources__Curated__Path",              // blank default: the curated folder deployed beside the program
        "IngestQueue",                         // local connection string; in Azure IngestQueue__QueueServiceUri with the managed identity
        "IngestQueue__ServiceVersion",         // pins an old version for emulators only
        "OTEL_EXPORTER_OTLP_ENDPOINT",         // a local collector; in Azure Telemetry__Exporter=AzureMonitor sends to Application Insights
    ];

    private static readonly string[] RejectedByFlexConsumption =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_TIME_ZONE",
        "WEBSITE_NODE_DEFAULT_VERSION", "SCM_DO_BUILD_DURING_DEPLOYMENT", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE", "AzureWebJobsStorage",
    ];

    private static IReadOnlyList<ArmResource> OfType(string type) => [.. ArmTemplate.Resources().Where(r => r.Type == type)];

    private static ArmResource FunctionApp() => Assert.Single(OfType("Microsoft.Web/sites"));

    private static Dictionary<string, JsonNode?> AppSettings() =>
        FunctionApp().Property("properties.siteConfig.appSettings")!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]);

    [Fact]
    public void StorageAccounts_Always_RefuseSharedKeysPlainHttpAndOldTls()
    {
        var accounts = OfType("Microsoft.Storage/storageAccounts").Where(a => a.Property("properties") is not null).ToList();

        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, account =>
        {
            Assert.False(ArmTemplate.Resolve(account.Property("properties.allowSharedKeyAccess"), account.Scope).Value!.GetValue<bool>());
            Assert.Equal("TLS1_2", (string?)account.Property("properties.minimumTlsVersion"));
            Assert.True(account.Property("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
        });
    }

    [Fact]
    public void StorageAccounts_ByDefault_AllowNoPublicBlobAccess()
    {
        var accounts = OfType("Microsoft.Storage/storageAccounts").Where(a => a.Property("properties") is not null).ToList();

        Assert.NotEmpty(accounts);
        Assert.All(accounts, account =>
        {
            var (value, _) = ArmTemplate.Resolve(account.Property("properties.allowBlobPublicAccess"), account.Scope);
            Assert.False(value?.GetValue<bool>() ?? true, "allowBlobPublicAccess must be false unless the public download parameter is set");
        });
    }

    [Fact]
    public void RoleAssignments_All_AreScopedToOneResourceAndNamedByGuid()
    {
        var assignments = OfType("Microsoft.Authorization/roleAssignments");

        Assert.Equal(4, assignments.Count);
        Assert.All(assignments, assignment =>
        {
            // The root template is deployed at subscription scope: nothing may be assigned there.
            Assert.NotNull(assignment.Scope.Parent);
            Assert.StartsWith("[guid(", (string)assignment.Resource["name"]!, StringComparison.Ordinal);
            var scope = (string?)assignment.Resource["scope"];
            Assert.NotNull(scope);
            Assert.StartsWith("[resourceId('Microsoft.", scope, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AppSettings_DeployedApp_ProvideEverySettingTheCodeReads()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "local.settings.sample.json")))!["Values"]!.AsObject();
        var expected = sample.Select(p => p.Key).Except(NotDeployed).ToList();

        var settings = AppSettings();

        var missing = expected.Except(settings.Keys).ToList();
        Assert.Empty(missing);
        Assert.Equal("Live", (string?)settings["Pipeline__Mode"]);
        Assert.Contains("AZURE_CLIENT_ID", settings.Keys);
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Contains("AzureWebJobsStorage__clientId", settings.Keys);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
    }

    [Fact]
    public void RoleAssignments_QueueDataContributor_IsScopedToTheHostAccountThatHoldsTheIngestQueue()
    {
        var roles = Assert.Single(OfType("Microsoft.Authorization/roleAssignments").Select(a => a.Scope).Distinct());
        var queueRoleVariable = Assert.Single(roles.Template["variables"]!.AsObject(), v => (string?)v.Value == "974c5e8b-45b9-4653-ba55-5f855dd0fb88").Key;

        var assignment = Assert.Single(OfType("Microsoft.Authorization/roleAssignments"), a => ((string)a.Property("properties.roleDefinitionId")!).Contains($"variables('{queueRoleVariable}')", StringComparison.Ordinal));

        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('hostStorageName'))]", (string?)assignment.Resource["scope"]);
        var hostStorage = Assert.Single(OfType("Microsoft.Resources/deployments"), d => (string?)d.Resource["name"] == "hostStorage");
        var queues = hostStorage.Property("properties.parameters.queues.value")!.AsArray().Select(q => (string?)q).ToList();
        Assert.Equal(["[parameters('ingestQueueName')]", "[format('{0}-poison', parameters('ingestQueueName'))]"], queues);
        var settings = AppSettings();
        Assert.Equal("Queue", (string?)ArmTemplate.Resolve(settings["Ingest__FanOut"], FunctionApp().Scope).Value);
        Assert.Equal("ingest-partitions", (string?)ArmTemplate.Resolve(settings["INGEST_QUEUE_NAME"], FunctionApp().Scope).Value);
        Assert.Equal("managedidentity", (string?)settings["IngestQueue__Credential"]);
        Assert.Contains("outputs.queueEndpoint.value", (string?)FunctionApp().Scope.PassedParameters!["hostQueueEndpoint"]!["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void DataStorage_Lifecycle_ExpiresOnlyTheWorkStateOfFannedOutRuns()
    {
        var dataStorage = Assert.Single(OfType("Microsoft.Resources/deployments"), d => (string?)d.Resource["name"] == "dataStorage");
        var policy = OfType("Microsoft.Storage/storageAccounts/managementPolicies").First();

        var prefixes = dataStorage.Property("properties.parameters.expiringPrefixes.value")!.AsArray().Select(p => (string?)p).ToList();

        Assert.Equal(["[format('{0}/work/', variables('publishedContainerName'))]"], prefixes);
        Assert.Equal("[parameters('expiringPrefixes')]", (string?)policy.Property("properties.policy.rules")![0]!["definition"]!["filters"]!["prefixMatch"]);
    }

    [Fact]
    public void AppSettings_ReadFromTheBicepText_AreThoseOfTheCompiledTemplate()
    {
        // The settings-reference test reads the Bicep text: it must see every setting the deployment gives.
        Assert.Equal(AppSettings().Keys.Order(StringComparer.Ordinal), BicepAppSettings.Names().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppSettings_DeployedApp_HaveNoneThatFlexConsumptionRejects()
    {
        var settings = AppSettings();

        var rejected = settings.Keys.Intersect(RejectedByFlexConsumption).ToList();
        Assert.Empty(rejected);
    }

    [Fact]
    public void EiaApiKey_DeployedApp_ComesFromASecureParameterWithoutLiteral()
    {
        var app = FunctionApp();

        var (value, declaration) = ArmTemplate.Resolve(AppSettings()["EIA_API_KEY"], app.Scope);

        Assert.NotNull(declaration);
        Assert.Equal("securestring", (string?)declaration["type"]);
        Assert.True(value is null || (string?)value == "", "the EIA key's default must be empty, never a literal key");
    }

    [Fact]
    public void FunctionApp_Always_RunsDotnetIsolated10OnFlexConsumptionWithIdentityDeployment()
    {
        var app = FunctionApp();
        var plan = Assert.Single(OfType("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", (string?)plan.Property("sku.name"));
        Assert.Equal("functionapp,linux", (string?)app.Property("kind"));
        Assert.Equal("dotnet-isolated", (string?)app.Property("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", (string?)app.Property("properties.functionAppConfig.runtime.version"));
        Assert.Equal("UserAssignedIdentity", (string?)app.Property("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.True(app.Property("properties.httpsOnly")!.GetValue<bool>());
    }

    [Fact]
    public void AzureYaml_ApiService_PointsAtTheFunctionsProject()
    {
        var yaml = File.ReadAllLines(Path.Combine(Repository.Root, "azure.yaml")).Select(l => l.Trim()).ToList();

        Assert.Contains("project: ./functions/AiEnergyPipeline.Functions", yaml);
        Assert.Contains("host: function", yaml);
        Assert.Contains("language: dotnet", yaml);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "functions", "AiEnergyPipeline.Functions", "AiEnergyPipeline.Functions.csproj")));
    }
}
