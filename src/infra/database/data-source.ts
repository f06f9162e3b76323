import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { typeormOptions } from './typeorm-options';

/** Used by the TypeORM CLI (`npm run migration:generate`) and the migrate script. */
export default new DataSource(typeormOptions(loadConfig()));
