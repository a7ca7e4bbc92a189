import { onMessage } from '../messaging/protocol';
import { findingById, PACK } from '../pack';
import { answerFindingTexts } from '../pack/finding-texts';

/** Answers the card's getFindingTexts from the bundled pack (the scanning engine does not carry the texts). */
export function serveFindingTexts(): void {
  onMessage('getFindingTexts', ({ data }) => answerFindingTexts({ report: PACK.report, findingById }, data));
}
