import { createFindingTextsLoader, type FindingTextsLoader } from '../pack/finding-texts';
import { sendMessage } from './protocol';

/** In a content script: the card's texts from the background, through the one message map. */
export function createBackgroundFindingTexts(): FindingTextsLoader {
  return createFindingTextsLoader((ids) => sendMessage('getFindingTexts', ids));
}
