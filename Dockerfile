# Container image of optlab.
#
#   docker build -t optlab .
#   docker run --rm -p 127.0.0.1:8080:8080 optlab
#
# Base images are build arguments so that the same file builds against upstream Temurin
# (the defaults) or against local stand-ins on a machine without registry access, e.g.
#   docker build --build-arg BUILD_IMAGE=localhost/jdk17 --build-arg RUNTIME_IMAGE=localhost/jre17 .
# (see scripts/container-smoke.sh). The bytecode targets Java 17, so any Java 17+ runtime works.
#
# JVM options: JAVA_OPTS is appended to the java command line by the entrypoint (through `sh -c`,
# which then `exec`s java, so java is PID 1 and receives SIGTERM for graceful shutdown). Options
# given later win, so JAVA_OPTS can override the default -XX:MaxRAMPercentage=75. The JVM also
# reads JAVA_TOOL_OPTIONS by itself, which works too. Arguments after the image name are passed
# to the application, e.g. `docker run optlab --optlab.limits.max-iterations=5000`.
#
# Legacy-builder compatible on purpose: no `# syntax=` line, no RUN --mount, no heredocs.

ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /workspace

# Wrapper and POM first: the dependency layer is rebuilt only when these change.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN chmod +x mvnw \
 && ./mvnw -B -q dependency:go-offline

COPY src/ src/
# Tests run outside the image build (some need Docker); spotless and jacoco belong to `verify`.
# The Boot jar is copied to a stable name; the plain jar is *.jar.original and does not match.
RUN ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
 && set -- target/optlab-*.jar \
 && if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then echo "expected exactly one target/optlab-*.jar, got: $*" >&2; exit 1; fi \
 && cp "$1" /workspace/optlab.jar

# ---------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

# A fixed, unprivileged UID/GID (10001: clear of Ubuntu's `ubuntu` user 1000 in upstream Temurin
# images and of Debian's system range), so that `runAsNonRoot` policies can check it numerically.
RUN groupadd --gid 10001 optlab \
 && useradd --uid 10001 --gid 10001 --no-log-init --no-create-home --home-dir /app \
      --shell /usr/sbin/nologin optlab \
 && mkdir -p /app \
 && chown optlab:optlab /app

WORKDIR /app
COPY --from=build --chown=10001:10001 /workspace/optlab.jar /app/optlab.jar

ENV JAVA_OPTS=""
USER 10001:10001
EXPOSE 8080

# Shell form so that SERVER_PORT, if set, is honoured; curl exists in Temurin and the stand-ins.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT:-8080}/actuator/health" || exit 1

ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 $JAVA_OPTS -jar /app/optlab.jar \"$@\"", "optlab"]
