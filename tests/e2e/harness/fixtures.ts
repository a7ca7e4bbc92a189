import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleToHtml, readCorpus } from '../../../scripts/lib/corpus';
import { CORPUS_DIR, DEMO_DIR, FIXTURE_PAGES_DIR } from './paths';
import type { StaticServer } from '../../../scripts/lib/static-server';

export interface FixturePage {
  name: string;
  url: string;
  html: string;
}

/** Serves fixture files and corpus articles (as news pages, per the corpus README) and returns them by name. */
export function serveFixturePages(
  server: StaticServer,
  options: { files: string[]; corpusIds: string[] },
): FixturePage[] {
  const pages: FixturePage[] = [];
  for (const file of options.files) {
    const html = readFileSync(
      file === 'demo' ? path.join(DEMO_DIR, 'index.html') : path.join(FIXTURE_PAGES_DIR, file),
      'utf8',
    );
    pages.push({ name: file, url: server.route(`/fixture/${file === 'demo' ? 'demo.html' : file}`, html), html });
  }
  if (options.corpusIds.length > 0) {
    const { articles } = readCorpus(CORPUS_DIR);
    for (const id of options.corpusIds) {
      const article = articles.find((candidate) => candidate.id === id);
      if (!article) throw new Error(`corpus article ${id} not found in ${CORPUS_DIR}`);
      const html = articleToHtml(article);
      pages.push({ name: `corpus ${id}`, url: server.route(`/corpus/${id}.html`, html), html });
    }
  }
  return pages;
}
