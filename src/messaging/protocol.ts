import { defineExtensionMessaging } from '@webext-core/messaging';
import type { RankHit } from '../pack/engine-data';
import type { FindingTexts } from '../pack/finding-texts';
import type { Settings } from '../settings/schema';

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
  /**
   * The page's address (content script: `location.href`). The popup needs it for the site switch, and without the
   * `tabs` permission the browser gives the popup a tab's URL only under activeTab (not when popup.html is opened as
   * a page, as the real-browser tests do).
   */
  url?: string;
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
  /**
   * sentinel content script → background: the page passed the subject check. The background injects the engine
   * (entrypoints/content) into the sender's frame if the site is on; true once the engine runs there.
   */
  loadEngine(): boolean;
  /**
   * engine content script → background: a card is about to open for the first time on this page. The background
   * injects the card's bundle (entrypoints/card.ts) into the sender's frame; true once it has run there.
   */
  loadCard(): boolean;
  /** content script → background: the tab's mention count changed (badge). */
  mentionCount(count: number): void;
  /**
   * content script (card) → background: open the report page at a finding (`report.html#<finding-id>`) in a new
   * tab. Pages may not navigate to extension pages themselves (not web-accessible), so the background opens it.
   */
  openReport(findingId: string): void;
  /**
   * content script (card) → background: the texts of findings (title, summary, quotes) and the report's
   * provenance, which the scanning engine does not carry (src/pack/finding-texts.ts). Unknown ids are left out.
   */
  getFindingTexts(findingIds: string[]): FindingTexts;
  /**
   * engine content script → background: the settings, read, migrated and cleaned (src/messaging/settings.ts: the
   * page's script does not bundle the storage and validation code). The script watches storage.onChanged itself.
   */
  readSettings(): Settings;
  /**
   * engine content script → background: fuse.js's hits for the ranking queries of a scan's mention texts (the
   * script ranks without fuse.js: src/messaging/ranking.ts). Keyed by query; a query without hits maps to [].
   */
  searchRanking(queries: string[]): Record<string, RankHit[]>;
  /** engine content script → background: write these settings (cleaned first: a message is untrusted data). */
  writeSettings(settings: Settings): Settings;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
