import { evaluateStep, observe, resolveAction, type CheckResult, type LabView, type LessonAction, type Observations, type Resolved, type Step } from '../../lessons';
import type { Published } from '../../worker/protocol';

/**
 * The walkthrough's view of the lab: what the worker published, read the way `src/lessons`
 * expects. The UI never runs the simulator; it evaluates checks on the published copy.
 */

/** The published state, clock and terminal location, as a check reads them. */
export const labView = (published: Published): LabView => ({
  sim: published.sim,
  clock: published.clock,
  location: published.shell.location.type === 'instance' ? { type: 'instance', instanceId: published.shell.location.instanceId } : { type: 'local' },
});

/**
 * Adds one published change to what the current step has seen: the simulator's events, and the
 * AWS errors its requests met (a command's `output.requests`, a console action's `console.calls`),
 * whatever the terminal printed.
 */
export const observePublished = (observations: Observations, published: Published): Observations => observe(observations, published);

/** The step's check on the latest published lab. */
export const checkPublished = (step: Step, published: Published, observations: Observations): CheckResult => evaluateStep(step, labView(published), observations);

/** A "show me" action with its placeholders filled from the latest published lab, just before it is sent. */
export const resolvePublished = (published: Published, action: LessonAction): Resolved => resolveAction(published.sim, labView(published).location, action);
