/**
 * The doctor's findings (src-shared/doctor.ts): a title naming what happened, and a short
 * explanation of why it matters and what to write instead.
 */
import type { DoctorRule } from '../doctor.ts';
import { defineCatalog } from './translate.ts';

export const doctorCatalog = defineCatalog({
  en: {
    'doctor.heading': 'Doctor',
    'doctor.none': 'Nothing the doctor warns about happened in this run.',
    'doctor.never-awaited.title': 'Coroutine {name}() was never awaited',
    'doctor.never-awaited.explain':
      'Calling a coroutine function only makes a coroutine object: its code does not run until it is awaited or wrapped in a task. Write await {name}(…) or asyncio.create_task({name}(…)).',
    'doctor.exception-never-retrieved.title': 'The exception of task {name} was never retrieved',
    'doctor.exception-never-retrieved.explain':
      'The task ended with an exception that nobody asked for; asyncio can only report it when the task is collected. Await the task (or call its result() or exception()) to handle the exception where it belongs.',
    'doctor.destroyed-pending.title': 'Task {name} was destroyed while still pending',
    'doctor.destroyed-pending.explain':
      'Nothing kept the task, so it was collected before it finished and its work stopped half done. Keep a reference to it (in a variable, a set or a TaskGroup) and await it.',
    'doctor.task-not-kept.title': 'Task {name} is made but not kept',
    'doctor.task-not-kept.explain':
      'The event loop holds only a weak reference to its tasks: a task whose result is thrown away may be collected before it ends. Keep it in a variable or a set, or make it with a TaskGroup.',
    'doctor.blocking-call.title': 'A blocking call stopped the loop for {seconds} s',
    'doctor.blocking-call.explain':
      'While a callback or a coroutine blocks (time.sleep, a long computation), the loop can run nothing else: every other task waits. Use await asyncio.sleep(…), or move the work to a thread with asyncio.to_thread(…).',
    'doctor.no-running-loop.title': 'No event loop was running',
    'doctor.no-running-loop.explain':
      'create_task and get_running_loop need a running loop: call them inside a coroutine that asyncio.run(…) runs.',
    'doctor.never-finishes.title': 'Task {name} waits for something that never comes',
    'doctor.never-finishes.explain':
      'The loop was left with nothing to run and no timer set, so this task can never resume: a real program would hang here. Make sure someone sets the future or event it awaits.',
    'doctor.show-step': 'Go to step {step}',
  },
  ru: {
    'doctor.heading': 'Доктор',
    'doctor.none': 'В этом запуске не случилось ничего, о чём предупреждает доктор.',
    'doctor.never-awaited.title': 'Корутину {name}() так и не дождались (await)',
    'doctor.never-awaited.explain':
      'Вызов корутинной функции только создаёт объект корутины: её код не выполняется, пока её не дождутся через await или не обернут в задачу. Напишите await {name}(…) или asyncio.create_task({name}(…)).',
    'doctor.exception-never-retrieved.title': 'Исключение задачи {name} никто не забрал',
    'doctor.exception-never-retrieved.explain':
      'Задача завершилась исключением, о котором никто не спросил; asyncio может сообщить о нём, только когда задачу собирает сборщик мусора. Дождитесь задачи через await (или вызовите её result() или exception()), чтобы обработать исключение там, где нужно.',
    'doctor.destroyed-pending.title': 'Задача {name} уничтожена, не завершившись',
    'doctor.destroyed-pending.explain':
      'Задачу никто не хранил, поэтому её собрал сборщик мусора и её работа оборвалась на середине. Сохраните ссылку на задачу (в переменной, множестве или TaskGroup) и дождитесь её.',
    'doctor.task-not-kept.title': 'Задача {name} создана, но не сохранена',
    'doctor.task-not-kept.explain':
      'Цикл событий хранит на свои задачи только слабые ссылки: задачу, результат создания которой выброшен, сборщик мусора может забрать до её конца. Сохраните её в переменной или множестве или создайте через TaskGroup.',
    'doctor.blocking-call.title': 'Блокирующий вызов остановил цикл на {seconds} с',
    'doctor.blocking-call.explain':
      'Пока колбэк или корутина блокирует поток (time.sleep, долгое вычисление), цикл не может выполнять ничего другого: все остальные задачи ждут. Используйте await asyncio.sleep(…) или перенесите работу в поток через asyncio.to_thread(…).',
    'doctor.no-running-loop.title': 'Цикл событий не был запущен',
    'doctor.no-running-loop.explain':
      'create_task и get_running_loop требуют работающего цикла: вызывайте их внутри корутины, которую выполняет asyncio.run(…).',
    'doctor.never-finishes.title': 'Задача {name} ждёт того, что никогда не случится',
    'doctor.never-finishes.explain':
      'В цикле не осталось ни готовых колбэков, ни таймеров, поэтому эта задача уже не продолжится: настоящая программа зависла бы здесь. Проверьте, что кто-то устанавливает результат future или событие, которого она ждёт.',
    'doctor.show-step': 'К шагу {step}',
  },
});

export type DoctorKey = keyof typeof doctorCatalog.en;

/** The catalog keys of a rule's title and explanation. */
export function doctorKeys(rule: DoctorRule): { title: DoctorKey; explain: DoctorKey } {
  return { title: `doctor.${rule}.title`, explain: `doctor.${rule}.explain` };
}
