import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/protocol';

/** Tells the background the tab's mention count (its badge): at most once per 100 ms, and only when it changed. */
export class MentionCountReport {
  private last = -1;
  private latest = 0;
  private timer: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** `now`: send without waiting (the first scan is done); otherwise within 100 ms, with the latest count then. */
  report(count: number, now: boolean): void {
    this.latest = count;
    if (now) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.send();
    } else {
      this.timer ??= this.ctx.setTimeout(() => this.send(), 100);
    }
  }

  private send(): void {
    this.timer = undefined;
    if (this.latest === this.last || this.ctx.isInvalid) return;
    this.last = this.latest;
    void sendMessage('mentionCount', this.latest).catch(() => undefined);
  }
}
