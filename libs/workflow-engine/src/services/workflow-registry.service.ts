import { Injectable } from '@nestjs/common';
import { ProjectionListener, WorkflowDefinition } from '../workflow-definition';

/** Definitions by name; each domain module registers its workflow when it starts. */
@Injectable()
export class WorkflowRegistry {
  private readonly definitions = new Map<string, WorkflowDefinition>();
  private readonly listeners = new Map<string, ProjectionListener[]>();

  /** Lets another module keep its own read model (e.g. a search index) in step, inside the event's transaction. */
  onProjected(workflow: string, listener: ProjectionListener): void {
    this.listeners.set(workflow, [...(this.listeners.get(workflow) ?? []), listener]);
  }

  listenersOf(workflow: string): readonly ProjectionListener[] {
    return this.listeners.get(workflow) ?? [];
  }

  register(definition: WorkflowDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Workflow ${definition.name} is registered twice`);
    this.definitions.set(definition.name, definition);
  }

  get(name: string): WorkflowDefinition {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`No workflow named ${name} is registered`);
    return definition;
  }

  names(): string[] {
    return [...this.definitions.keys()];
  }
}
