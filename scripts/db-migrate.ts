import { prepareDatabase } from './prepare-database';

await prepareDatabase({ seedIfEmpty: false });
