import { useState, type FormEvent } from 'react';
import type { FieldErrors } from './formBits';

type Checked<D> = { ok: true; data: D } | { ok: false; errors: FieldErrors };

/**
 * A form checked on the client (for messages) before the core saves it: its values, their
 * field messages, and a submit that only on success resets the form with `reset` (so nothing
 * typed is lost when the core refuses).
 */
export function useCheckedForm<F extends object, D>(initial: F, { check, save, reset = (f) => f }: { check(form: F): Checked<D>; save(data: D): Promise<boolean>; reset?(form: F): F }) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof F>(key: K) => (value: F[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = check(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (await save(checked.data)) setForm(reset(form));
  }

  return { form, setForm, errors, set, submit };
}
