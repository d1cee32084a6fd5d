/**
 * The registry's pure rules other modules may use (no I/O): reading and masking citizen IDs.
 * Kept apart from index.ts so that pure files elsewhere can import them without the plugin.
 */
export { maskIdNumber, parseCitizenId } from './people/rules.ts';
