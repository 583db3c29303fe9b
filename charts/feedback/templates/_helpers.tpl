{{/* Chart name, overridable by nameOverride; 63 characters is the DNS label limit. */}}
{{- define "feedback.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full resource name: release-chart, or the release name alone when it already holds the chart name. */}}
{{- define "feedback.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "feedback.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "feedback.labels" -}}
helm.sh/chart: {{ include "feedback.chart" . }}
{{ include "feedback.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels never change after install: a Deployment's selector is immutable. */}}
{{- define "feedback.selectorLabels" -}}
app.kubernetes.io/name: {{ include "feedback.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "feedback.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "feedback.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "feedback.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{- define "feedback.secretName" -}}
{{- default (include "feedback.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/*
One entry of the ConfigMap or Secret data, "NAME: value" on its own line, indented for a top-level data map:
(list "Feedback__Dispatch__Lease" .Values.dispatch.lease). Left out when the value is empty (null or ""), so the
service's own default applies: the options classes are the one source of defaults. false and 0 are values, not
empty. YAML numbers reach templates as float64 and would print as 1e+06, so numbers print as integers.
*/}}
{{- define "feedback.setting" -}}
{{- $value := index . 1 -}}
{{- if not (or (kindIs "invalid" $value) (eq (toString $value) "")) }}
  {{ index . 0 }}: {{ if kindIs "float64" $value }}{{ $value | int64 | quote }}{{ else }}{{ $value | toString | quote }}{{ end }}
{{- end -}}
{{- end -}}

{{/* values.schema.json says the same; repeated here for `helm template --skip-schema-validation`. */}}
{{- define "feedback.validateValues" -}}
{{- $sqlite := ne .Values.storage.provider "mongodb" }}
{{- if and $sqlite (gt (int .Values.replicaCount) 1) }}
{{- fail "replicaCount > 1 needs storage.provider=mongodb: SQLite is a single-replica store" }}
{{- end }}
{{- if and $sqlite .Values.autoscaling.enabled }}
{{- fail "autoscaling.enabled needs storage.provider=mongodb: SQLite is a single-replica store" }}
{{- end }}
{{- if and $sqlite (not (hasPrefix (printf "%s/" (dir .Values.storage.sqlite.path)) .Values.storage.sqlite.backupDirectory)) }}
{{- fail "storage.sqlite.backupDirectory must be below the directory of storage.sqlite.path: only that volume is writable" }}
{{- end }}
{{- if and (not $sqlite) (not .Values.secrets.existingSecret) (not .Values.secrets.mongodbConnectionString) }}
{{- fail "storage.provider=mongodb needs secrets.mongodbConnectionString or secrets.existingSecret" }}
{{- end }}
{{- end }}
