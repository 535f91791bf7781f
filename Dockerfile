# The service on Node 22 LTS. PostgreSQL comes from docker-compose (DATABASE_URL), never the embedded one:
# embedded-postgres is an optional dependency and the image installs none (`--omit=optional`).
# scripts/check-prod-install.sh runs the same production install outside Docker, for CI.
ARG NODE_IMAGE=node:22-bookworm-slim

# Build: every dependency (TypeScript, Nest CLI, Vite), then the service and the web page.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
RUN npm ci
COPY . .
RUN npm run build && npm run build:web

# Production dependencies only: no dev tools, no embedded PostgreSQL binaries.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
RUN npm ci --omit=dev --omit=optional && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
# Non-root; DATA_DIR (.data) is the one place the service and `node dist/src/sync/import/import.cli.js` may write.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Live: the process answers HTTP (no database call); compose's healthcheck asks /health/ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The same flags as `npm run start:prod`: a heap limit keeps resident memory near 200 MB (bench/README.md).
CMD ["node", "--max-old-space-size=192", "dist/src/main.js"]
