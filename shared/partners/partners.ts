import raw from '../../resources/partners.json';
import { loadPolicy } from '../policy/loadPolicy';
import { PartnersFile } from './partner.schema';

/** The seed register of resources/partners.json, validated at load (a malformed file stops Ketenkluis at start). */
export const partnersPolicy: PartnersFile = loadPolicy(PartnersFile, raw, 'resources/partners.json');
