import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import type { Area } from '../../store/ui.slice';

/**
 * An area that later versions fill (see renderer/features/<area>/). It says honestly that it is
 * not there yet; it never shows example data that could be mistaken for real cases.
 */
export function AreaPlaceholder({ area }: { area: Area }) {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="kk-page" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t(`nav.${area}`)}
      </Heading>
      <Paragraph className="kk-intro">{t(`area.${area}.intro`)}</Paragraph>
      <div className="kk-empty" data-testid="not-yet-available">
        <Heading level={2} className="kk-empty__title">
          {t('area.notYet.title')}
        </Heading>
        <Paragraph>{t('area.notYet.body')}</Paragraph>
      </div>
    </section>
  );
}
