# Build: the production jar (prebuilt Vaadin bundle, no npm build)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY frontend frontend
RUN ./mvnw -B -ntp -Pproduction -DskipTests package

FROM eclipse-temurin:21-jre
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app portal && mkdir -p /app/data && chown portal /app/data
COPY --from=build /src/target/gbv-training-portal-*.jar app.jar
COPY courses courses
USER portal
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
