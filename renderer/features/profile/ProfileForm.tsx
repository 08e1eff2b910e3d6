import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, type ReactNode } from 'react';
import { gemeenten } from '../../../shared/casework/gemeenten';
import { Functie, ProfileFields, type Profile } from '../../../shared/profile/profile.schema';
import type { Partner } from '../../../shared/partners/partner.schema';
import { ErrorSummary, type FieldErrors, SelectField, serverErrors, TextField, validateWith } from '../../components/formBits';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectPartners, selectProfielWrite, selectProfileActions } from './profileSelectors';

/** The profile as its form edits it (an empty select is "not chosen yet"). */
interface ProfileForm {
  naam: string;
  functie: string;
  organisatie: string;
  regio: string;
}

function toForm(profiel: Profile | null): ProfileForm {
  return { naam: profiel?.naam ?? '', functie: profiel?.functie ?? '', organisatie: profiel?.organisatie ?? '', regio: profiel?.regio ?? '' };
}

/** The organisations a profile may choose: the active partners, and its current one even when retired since. */
export function organisationOptions(partners: readonly Partner[], current: string | undefined) {
  return partners.filter((p) => p.actief || p.id === current).map((p) => ({ value: p.id, label: p.naam }));
}

/**
 * The profile form: name, function, organisation (from the partner register) and region. Checked
 * with the shared schema for messages; the core checks again and decides. Whatever the core
 * refuses stays in the form.
 */
export function ProfileForm({ profiel, children, onSaved }: { profiel: Profile | null; children(busy: boolean): ReactNode; onSaved?(): void }) {
  const { t } = useT();
  const partners = useAppStore(selectPartners);
  const write = useAppStore(selectProfielWrite);
  const { saveProfile, loadPartners } = useAppStoreShallow(selectProfileActions);

  useEffect(() => {
    void loadPartners();
  }, [loadPartners]);

  const { form, errors, set, submit } = useCheckedForm<ProfileForm, ProfileFields>(toForm(profiel), {
    check: (f) => {
      const result = validateWith(ProfileFields, { ...f, naam: f.naam.trim() }, t);
      if (result.ok) return result;
      const fieldErrors: FieldErrors = { ...result.errors };
      if (!f.organisatie) fieldErrors.organisatie = t('profile.organisatieMissing');
      return { ok: false, errors: fieldErrors };
    },
    save: async (fields) => {
      const ok = await saveProfile(fields);
      if (ok) onSaved?.();
      return ok;
    },
  });
  const shown = { ...serverErrors(write.error), ...errors };
  const choose = { value: '', label: t('profile.choose') };

  return (
    <form onSubmit={submit} noValidate aria-busy={write.busy} className="kk-profile-form">
      <ErrorSummary errors={shown} />
      <TextField label={t('profile.naam')} hint={t('profile.naamHint')} name="naam" autoComplete="name" value={form.naam} onChange={set('naam')} error={shown.naam} />
      <SelectField
        label={t('profile.functie')}
        name="functie"
        value={form.functie}
        onChange={set('functie')}
        error={shown.functie}
        options={[choose, ...Functie.options.map((f) => ({ value: f, label: t(`profile.functie.${f}`) }))]}
      />
      <SelectField
        label={t('profile.organisatie')}
        hint={t('profile.organisatieHint')}
        name="organisatie"
        value={form.organisatie}
        onChange={set('organisatie')}
        error={shown.organisatie}
        options={[choose, ...organisationOptions(partners, profiel?.organisatie)]}
      />
      {partners.length === 0 ? <Paragraph className="kk-profile-note">{t('profile.noPartners')}</Paragraph> : null}
      <SelectField
        label={t('profile.regio')}
        hint={t('profile.regioHint')}
        name="regio"
        value={form.regio}
        onChange={set('regio')}
        error={shown.regio}
        options={[choose, ...gemeenten.regios.map((r) => ({ value: r.regio, label: r.naam }))]}
      />
      {children(write.busy)}
    </form>
  );
}
