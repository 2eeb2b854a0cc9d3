/**
 * The version of the extraction rules. Bump it whenever a change can alter extracted claims: the
 * analyzer re-analyses articles whose recorded version differs.
 */
export const CLAIMS_VERSION = '2.3.0';
