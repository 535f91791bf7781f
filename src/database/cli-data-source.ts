import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:generate`), which needs a DataSource export; see generate.cli.ts. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set; run through `npm run migration:generate -- <name>`.');
export default new DataSource(dataSourceOptions(url, 2));
