# syntax=docker/dockerfile:1
# Production image: a standalone Next.js server (output: "standalone").
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# patches/ fixes a reconnect crash in postgres.js (applied by postinstall).
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
# Server-action ids and closure encryption derive from this key; replicas
# built separately must share it (docker-compose.yml passes it).
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN useradd --system --uid 1001 skillgrid
COPY --from=build --chown=skillgrid /app/.next/standalone ./
COPY --from=build --chown=skillgrid /app/.next/static ./.next/static
COPY --from=build --chown=skillgrid /app/public ./public
# Migrations and the seed roadmaps are read at start-up (db/migrate.ts, db/seed).
COPY --from=build --chown=skillgrid /app/db/migrations ./db/migrations
COPY --from=build --chown=skillgrid /app/db/seed/*.md ./db/seed/
USER skillgrid
EXPOSE 3000
CMD ["node", "server.js"]
