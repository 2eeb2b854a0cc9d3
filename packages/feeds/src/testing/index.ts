export { readerExportOpml } from './readerExportOpml.ts';
