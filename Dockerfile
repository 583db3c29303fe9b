# syntax=docker/dockerfile:1
# Build: docker build -t feedback .   Run: see README ("Docker").
# Multi-platform: docker buildx build --platform linux/amd64,linux/arm64 -t feedback .

# The SDK stage runs on the builder's own platform and cross-publishes for the target one
# (-a $TARGETARCH; the SDK reads Docker's amd64 as x64), so no stage runs under emulation.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source
# The dashboard's chart library comes from npm during the build (see Feedback.Api.csproj); node stays in this stage.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

# Restore layer: only the files that decide the package graph, so editing code reuses it.
# Every src/*/*.csproj must be listed here (a test fails when one is missing).
COPY --link Directory.Build.props Directory.Packages.props global.json ./
COPY --link src/Feedback.Api/Feedback.Api.csproj src/Feedback.Api/
COPY --link src/Feedback.Core/Feedback.Core.csproj src/Feedback.Core/
COPY --link src/Feedback.Email.SendGrid/Feedback.Email.SendGrid.csproj src/Feedback.Email.SendGrid/
COPY --link src/Feedback.Storage.MongoDb/Feedback.Storage.MongoDb.csproj src/Feedback.Storage.MongoDb/
COPY --link src/Feedback.Storage.Sqlite/Feedback.Storage.Sqlite.csproj src/Feedback.Storage.Sqlite/
RUN dotnet restore -a $TARGETARCH src/Feedback.Api/Feedback.Api.csproj

# Release and framework-dependent by default: the aspnet image carries the shared framework,
# and -a only picks the apphost.
# /rootfs holds directories the runtime image needs but cannot make itself (it has no shell).
COPY --link src/ src/
RUN dotnet publish -a $TARGETARCH --no-restore -o /app src/Feedback.Api/Feedback.Api.csproj \
    && mkdir -p /rootfs/data

# The -extra variant carries tzdata and ICU: send windows need IANA time zones, pages need culture data.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Feedback__Storage__Sqlite__Path=/data/feedback.db \
    Feedback__Storage__Sqlite__BackupDirectory=/data/backups
EXPOSE 8080
WORKDIR /app
# /data must exist and belong to the app user before a volume is mounted there: a new named
# volume takes its owner from the image, and a chiseled image has no shell to chown at run time.
COPY --link --from=build --chown=$APP_UID:$APP_UID /rootfs/ /
VOLUME /data
COPY --link --from=build /app .
USER $APP_UID
ENTRYPOINT ["./Feedback.Api"]
