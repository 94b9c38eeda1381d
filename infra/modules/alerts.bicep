// Alerts on the app's own log lines in Application Insights (the worker's logs reach the `traces`
// table through the Functions host), sent to an action group that e-mails the operator.
// Each query matches text the app writes; the infra tests hold each fragment to its LoggerMessage.
param appInsightsName string
param actionGroupName string
param location string
param tags object

@description('E-mail address alerts go to; empty creates the action group without a receiver.')
param alertEmail string

@description('Hours after which the published data counts as stale (Health__MaxDataAge); at most 47, inside the 2 days a log alert can look back.')
@minValue(1)
@maxValue(47)
param maxDataAgeHours int

@description('Failed ingests in a row a source may have before it alerts (Health__MaxConsecutiveFailures).')
@minValue(0)
param maxConsecutiveSourceFailures int

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'aienergy'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// FailedRunRecorder logs every failed run (ingest or recompute) at Error with this sentence.
var failedRunQuery = 'traces | where severityLevel >= 3 and message contains "failed, nothing new was published and latest.json is unchanged" | project timestamp, message'

// SourceHistoryRecorder logs each failed source with its count of failures in a row.
var sourceFailingQuery = 'traces | where message startswith "source " and message contains "ingest run(s) in a row" | parse message with "source " sourceName " has failed " failures:int " ingest run(s) in a row" * | where failures > ${maxConsecutiveSourceFailures} | summarize failures = max(failures), lastAt = max(timestamp) by sourceName'

// IngestCompletion logs "published run ..." or "inputs unchanged since run ..." when an ingest
// leaves the data current (RecomputePipeline's "published run ..., recomputed from" counts too, as
// /api/health counts a recomputed latest run). Stale: none for the threshold, once the app has
// logged for that long (a new deployment does not alert before its first run is due).
var staleDataQuery = 'let threshold = ${maxDataAgeHours}h; let lastFresh = toscalar(traces | where message startswith "published run " or message startswith "inputs unchanged since run " | summarize max(timestamp)); let firstLog = toscalar(traces | summarize min(timestamp)); print lastFreshAt = lastFresh, firstLogAt = firstLog | where (isnull(lastFreshAt) and firstLogAt < ago(threshold)) or lastFreshAt < ago(threshold)'

var failedRunDescription = 'A run failed: nothing new was published and latest.json is unchanged. GET /api/runs/{runId} has the report and its cause (docs/deploy.md#alerts).'
var sourceFailingDescription = 'A source has failed more than ${maxConsecutiveSourceFailures} ingest runs in a row: its site, file layout or key has likely changed. GET /api/health names it and its last error (docs/deploy.md#alerts).'
var staleDataDescription = 'No ingest has published or confirmed the data for ${maxDataAgeHours} hours: the timer stopped, or every run fails. GET /api/health says why (docs/deploy.md#alerts).'

// Hourly, over the last hour: a run's line is seen once. Stateful (autoMitigate): one notification
// while the condition holds, resolved when it clears.
resource runFailed 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-run-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'AiEnergyPipeline: a run failed'
    description: failedRunDescription
    severity: 2
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: failedRunQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: [actionGroup.id] }
  }
}

resource sourceFailing 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-source-failing'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'AiEnergyPipeline: a source keeps failing'
    description: sourceFailingDescription
    severity: 2
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: sourceFailingQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: [actionGroup.id] }
  }
}

// Hourly, looking back two days (the most a log alert may), so that a day without a run shows.
resource dataStale 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-data-stale'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'AiEnergyPipeline: the published data is stale'
    description: staleDataDescription
    severity: 1
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    overrideQueryTimeRange: 'P2D'
    criteria: {
      allOf: [
        {
          query: staleDataQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: [actionGroup.id] }
  }
}

output actionGroupId string = actionGroup.id
