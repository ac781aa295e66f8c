import { describe, expect, it } from 'vitest';
import { readRobots } from '../../../pipelines/crawl/robots-rules.ts';
import { userAgentToken, DEFAULT_USER_AGENT } from '../../../pipelines/crawl/crawl-options.ts';

const ROBOTS = 'https://www.stadt.example/robots.txt';

describe('readRobots', () => {
  it('uses the group of our product token, with Allow beating a shorter Disallow', () => {
    const rules = readRobots(ROBOTS, 'User-agent: *\nDisallow: /\n\nUser-agent: isa-pipeline\nDisallow: /intern/\nAllow: /intern/presse/\nCrawl-delay: 5\nSitemap: https://www.stadt.example/sitemap.xml\n', userAgentToken(DEFAULT_USER_AGENT));
    expect(rules.isAllowed('https://www.stadt.example/presse/')).toBe(true);
    expect(rules.isAllowed('https://www.stadt.example/intern/akten')).toBe(false);
    expect(rules.isAllowed('https://www.stadt.example/intern/presse/x')).toBe(true);
    expect(rules.crawlDelayMs).toBe(5000);
    expect(rules.sitemaps).toEqual(['https://www.stadt.example/sitemap.xml']);
  });

  it('falls back to the * group and understands wildcards', () => {
    const rules = readRobots(ROBOTS, 'User-agent: *\nDisallow: /*?druck=\nDisallow: /*.doc$\n', 'isa-pipeline');
    expect(rules.isAllowed('https://www.stadt.example/presse/a.html?druck=1')).toBe(false);
    expect(rules.isAllowed('https://www.stadt.example/a.doc')).toBe(false);
    expect(rules.isAllowed('https://www.stadt.example/a.docx')).toBe(true);
    expect(rules.crawlDelayMs).toBeNull();
  });

  it('derives the product token from the User-Agent', () => {
    expect(userAgentToken('isa-pipeline/0.1 (+https://example.invalid/isa)')).toBe('isa-pipeline');
    expect(userAgentToken('MeinBot')).toBe('MeinBot');
  });
});
