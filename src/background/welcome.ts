import { browser, type Browser } from 'wxt/browser';

/** The first-run page, once, when the extension is installed (not on updates or browser restarts). */
export async function openWelcomeOnInstall(details: Browser.runtime.InstalledDetails): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
