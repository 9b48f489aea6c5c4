# syntax=docker/dockerfile:1
# The Dev Portal GitHub App. Three stages: compile TypeScript, install production
# dependencies only, and a runtime stage holding nothing else. The runtime writes nothing to
# its file system, so it runs with a read-only root (deploy/ sets readOnlyRootFilesystem).
# Linted by `npm run lint` (scripts/lint-dockerfile.ts).

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are here; the build is below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# Owned by root and read-only to the app: a compromised process cannot rewrite its own code.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
COPY package.json app.yml ./
COPY templates ./templates
# A numeric user, so Kubernetes can verify runAsNonRoot without resolving a name.
USER 10001:10001
EXPOSE 3000
# node directly (not npm): signals reach the app, which drains its work on SIGTERM.
CMD ["node", "node_modules/probot/bin/probot.js", "run", "./lib/index.js"]
