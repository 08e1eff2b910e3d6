import raw from '../../resources/stappenplan/v1.json';
import { loadPolicy } from '../policy/loadPolicy';
import { StappenplanFile } from './ruleSet.schema';

/**
 * The stappenplan rule set in use, validated at load: a broken file stops Ketenkluis at start
 * (POLICY_INVALID, with the path in the file and the problem in Dutch) instead of advising wrongly.
 * Every outcome names the version it came from (`ruleSetVersie`).
 */
export const stappenplanV1: StappenplanFile = loadPolicy(StappenplanFile, raw, 'resources/stappenplan/v1.json');

/** Checks a rule set read from elsewhere (a new version a privacy officer wants to review or import). */
export function leesStappenplan(rawFile: unknown, fileName: string): StappenplanFile {
  return loadPolicy(StappenplanFile, rawFile, fileName);
}
