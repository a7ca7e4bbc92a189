import { defineExtensionMessaging } from '@webext-core/messaging';

/** What the popup lists under "On this page". */
export interface PageMentionSummary {
  /** Position in the page's mention list (document order); pass it back to `revealMention`. */
  index: number;
  text: string;
  trigger: string;
  /** Best finding id first. */
  findings: string[];
}

export interface PageState {
  /** False where the site is switched off (then `mentions` is empty). */
  enabled: boolean;
  mentions: PageMentionSummary[];
}

/**
 * The one message map between content script, background and popup.
 * Settings changes do not travel here: every context watches the storage item instead.
 */
export interface ProtocolMap {
  /** popup → content script of the active tab. */
  getPageState(): PageState;
  /** popup → content script: scroll to a mention and open its card. */
  revealMention(index: number): boolean;
  /** background → content script (keyboard command): jump to the next mention and open its card. */
  nextMention(): boolean;
  /** content script → background: the tab's mention count changed (badge). */
  mentionCount(count: number): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
