# Build and run the service; PostgreSQL comes from docker-compose (DATABASE_URL), never the embedded one.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
RUN npm ci
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
USER node
EXPOSE 3000
# The same flags as `npm run start:prod`: a heap limit keeps resident memory near 200 MB (bench/README.md).
CMD ["node", "--max-old-space-size=192", "dist/src/main.js"]
