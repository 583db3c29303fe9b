# syntax=docker/dockerfile:1
# Build: docker build -t feedback .   Run: see README ("Docker").

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# bash for build/publish.sh and for mapping Docker's TARGETARCH to a .NET runtime id.
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]
ARG TARGETARCH
WORKDIR /source
# The dashboard's chart library comes from npm during the build (see Feedback.Api.csproj); node stays in this stage.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

# Restore layer: only the files that decide the package graph, so editing code reuses it.
# Every src/*/*.csproj must be listed here (a test fails when one is missing).
COPY Directory.Build.props Directory.Packages.props global.json ./
COPY src/Feedback.Api/Feedback.Api.csproj src/Feedback.Api/
COPY src/Feedback.Core/Feedback.Core.csproj src/Feedback.Core/
COPY src/Feedback.Email.SendGrid/Feedback.Email.SendGrid.csproj src/Feedback.Email.SendGrid/
COPY src/Feedback.Storage.MongoDb/Feedback.Storage.MongoDb.csproj src/Feedback.Storage.MongoDb/
COPY src/Feedback.Storage.Sqlite/Feedback.Storage.Sqlite.csproj src/Feedback.Storage.Sqlite/
COPY build/publish.sh build/
# Docker says amd64 where .NET says x64; arm64 and arm are spelled alike.
RUN build/publish.sh --restore-only "linux-${TARGETARCH/amd64/x64}"

COPY src/ src/
RUN build/publish.sh /app "linux-${TARGETARCH/amd64/x64}" \
    && mkdir -p /rootfs/data

# The -extra variant carries tzdata and ICU: send windows need IANA time zones, pages need culture data.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Feedback__Storage__Sqlite__Path=/data/feedback.db
WORKDIR /app
# /data must exist and belong to the app user before a volume is mounted there: a new named
# volume takes its owner from the image, and a chiseled image has no shell to chown at run time.
COPY --from=build --chown=$APP_UID:$APP_UID /rootfs/ /
VOLUME /data
COPY --from=build /app .
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["./Feedback.Api"]
