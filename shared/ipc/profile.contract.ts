import { z } from 'zod';
import { method, NoInput, NoOutput } from './define';
import { IsoDate, Version } from '../casework/common.schema';
import { Partner, PartnerFields, PartnerId } from '../partners/partner.schema';
import { Profile, ProfileFields } from '../profile/profile.schema';

/** A partner as the caller last read it: its id and version (a change to an older version is a CONFLICT). */
const PartnerRef = z.strictObject({ id: PartnerId, version: Version });

/** The vault profile (who works with this vault) and the partner register. */
export const profileMethods = {
  'profile.get': method({
    doc: 'Returns the vault profile (or null) with the fingerprint of the organisation key, and whether the person chose to fill it in later.',
    input: NoInput,
    output: z.object({ profiel: Profile.nullable(), uitgesteld: z.boolean() }),
  }),
  'profile.save': method({
    doc: 'Creates the profile (without version; also makes the organisation Ed25519 key pair, kept only in the vault) or changes it (with the version last read). The organisation must be an active partner.',
    input: z.strictObject({ version: Version.optional(), fields: ProfileFields }),
    output: Profile,
  }),
  'profile.postpone': method({
    doc: 'Records that the person chose "Later" when asked for the profile, so the app does not ask again (Settings reminds).',
    input: NoInput,
    output: NoOutput,
  }),
  'partners.list': method({
    doc: 'The partner register: every partner, active first, each with whether something in the vault refers to it.',
    input: NoInput,
    output: z.object({ partners: z.array(Partner) }),
  }),
  'partners.save': method({
    doc: 'Adds a partner (without id; its id is made from the name and never changes) or changes one (id and the version last read).',
    input: z
      .strictObject({ id: PartnerId.optional(), version: Version.optional(), fields: PartnerFields })
      .refine((i) => (i.id === undefined) === (i.version === undefined), { message: 'Een wijziging noemt de partner en de versie die u las', path: ['version'] }),
    output: Partner,
  }),
  'partners.retire': method({
    doc: 'Retires a partner from a day on (today unless given): it stays in the register and in what refers to it, but is no longer offered.',
    input: PartnerRef.extend({ datum: IsoDate.optional() }),
    output: Partner,
  }),
  'partners.reactivate': method({
    doc: 'Takes a retired partner back into use.',
    input: PartnerRef,
    output: Partner,
  }),
  'partners.remove': method({
    doc: 'Removes a partner that nothing refers to; a used partner is refused with PARTNER_IN_USE and can only be retired.',
    input: PartnerRef,
    output: NoOutput,
  }),
} as const;
