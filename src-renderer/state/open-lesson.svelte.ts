/**
 * What is open: the course, the lesson (its file and what it parses to, parsed once), the
 * scenario chosen in it, and the files opened recently. Opening is all this class does; it
 * runs nothing.
 */
import type { CourseIndex, LessonFile, RecentFile } from '../../src-shared/api.ts';
import type { Lesson, Scenario } from '../../src-shared/lesson/model.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';

/** A lesson file and what it says, kept together so that it is parsed once. */
interface Shown {
  file: LessonFile;
  lesson: Lesson;
}

/** The scenario to show first in a lesson: its first runnable one, else its first. */
function firstScenario(lesson: Lesson): Scenario | null {
  return lesson.scenarios.find((s) => s.runnable) ?? lesson.scenarios[0] ?? null;
}

export class OpenLesson {
  course = $state.raw<CourseIndex>({ lessons: [] });
  /** The course's id of the lesson shown, or null for a file opened from elsewhere. */
  lessonId = $state<string | null>(null);
  scenarioId = $state<string | null>(null);
  /** Files the host opened recently, newest first. */
  recent = $state.raw<RecentFile[]>([]);
  #shown = $state.raw<Shown | null>(null);

  get file(): LessonFile | null {
    return this.#shown?.file ?? null;
  }

  get lesson(): Lesson | null {
    return this.#shown?.lesson ?? null;
  }

  scenario = $derived(this.lesson?.scenarios.find((s) => s.id === this.scenarioId) ?? null);

  /**
   * Shows a lesson file at its first scenario (`lesson`: what it says, when already parsed);
   * returns that scenario.
   */
  show(
    file: LessonFile,
    lessonId: string | null,
    lesson = parseLesson(file.text, file.name),
  ): Scenario | null {
    this.#shown = { file, lesson };
    this.lessonId = lessonId;
    const first = firstScenario(lesson);
    this.scenarioId = first?.id ?? null;
    return first;
  }

  /** Chooses a scenario of the lesson shown; returns it, or null when it has no such one. */
  choose(id: string | null): Scenario | null {
    this.scenarioId = id;
    return this.scenario;
  }

  /**
   * Shows the new text of the lesson shown (its author saved it) and keeps the place: the
   * same scenario by its title, else its position, else the first runnable one.
   */
  reload(file: LessonFile, lesson = parseLesson(file.text, file.name)): Scenario | null {
    const before = this.lesson?.scenarios ?? [];
    const index = before.findIndex((s) => s.id === this.scenarioId);
    const title = this.scenario?.title ?? null;
    this.#shown = { file, lesson };
    const after = lesson.scenarios;
    const same =
      (title !== null ? after.find((s) => s.title === title) : undefined) ??
      after[index] ??
      firstScenario(lesson);
    this.scenarioId = same?.id ?? null;
    return same;
  }

  /**
   * Shows the same bundled lesson in another language, at the scenario with the same number;
   * returns that scenario (null when there is none).
   */
  translate(file: LessonFile, lesson = parseLesson(file.text, file.name)): Scenario | null {
    const number = this.scenario?.number;
    this.#shown = { file, lesson };
    const scenario = lesson.scenarios.find((s) => s.number === number) ?? null;
    this.scenarioId = scenario?.id ?? this.scenarioId;
    return scenario;
  }
}
