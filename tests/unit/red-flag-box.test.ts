// The articles' "when to seek care now" box lists the questionnaire's own signs: every answer that
// sends a client to 911 under the 911 heading, every same-day answer under "see a doctor today".
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { RedFlagBox } from "@/components/learn/red-flag-box";
import { allQuestions, redFlagSigns } from "@/lib/clinical/questionnaire";

const listOf = (html: string, outcome: string) =>
  [
    ...(html.match(new RegExp(`<ul[^>]*data-outcome="${outcome}"[^>]*>([\\s\\S]*?)</ul>`))?.[1] ?? "").matchAll(
      /<li>(.*?)<\/li>/g,
    ),
  ].map((match) => match[1]!.replace(/&#x27;/g, "'"));

describe("RedFlagBox", () => {
  const html = renderToStaticMarkup(createElement(RedFlagBox));

  it("lists the questionnaire's emergency and same-day signs, and only those", () => {
    const signs = redFlagSigns();
    expect(listOf(html, "emergency")).toEqual(signs.emergency);
    expect(listOf(html, "same_day")).toEqual(signs.sameDay);
    const emergencyIds = allQuestions()
      .filter((question) => question.outcomes.yes === "emergency")
      .map((q) => q.id);
    const sameDayIds = allQuestions()
      .filter((question) => question.outcomes.yes === "same_day")
      .map((q) => q.id);
    expect(signs.emergency).toHaveLength(emergencyIds.length);
    expect(signs.sameDay).toHaveLength(sameDayIds.length);
  });

  it("names the same-day route the questionnaire gives: a doctor today, urgent care if no one can see you", () => {
    expect(html).toMatch(/See a doctor today/);
    expect(html).toMatch(/urgent care/);
    expect(html).toMatch(/Call 911/);
    expect(html).not.toMatch(/href="\/book/);
  });
});
