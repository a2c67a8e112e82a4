import type { Contribution } from '../../api-client/contract';
import { ContributionItem } from '../components/contribution-item';
import { ListedSupport } from '../components/support-button';
import type { SupportMarks } from '../components/support-marks';
import { liveStatus } from './live-page';
import { pageLocale } from './locale';
import { Replies } from './replies';

/** One published contribution in the side panel: its words, "Moi aussi", its replies. */
export function PublishedItem({
  contribution: c,
  listedAt,
  permalink,
  support,
}: {
  contribution: Contribution;
  /** When the list holding it was read (epoch ms). */
  listedAt: number;
  permalink?: string | undefined;
  support: SupportMarks;
}) {
  const locale = pageLocale.value;
  const mark = support.marks.get(c.id);
  // A list the stream keeps current has the platform's count, fresher than a press's answer.
  const live = liveStatus.value === 'open' ? c.supportCount : undefined;
  const listed = { count: c.supportCount ?? 0, at: listedAt };
  return (
    <ContributionItem contribution={c} locale={locale} permalink={permalink}>
      <ListedSupport id={c.id} listed={listed} mark={mark} live={live} locale={locale} support={support} />
      <Replies parent={c} support={support} />
    </ContributionItem>
  );
}
