import { Injectable } from '@nestjs/common';
import { WorkflowDefinition } from '../workflow-definition';

/** Definitions by name; each domain module registers its workflow when it starts. */
@Injectable()
export class WorkflowRegistry {
  private readonly definitions = new Map<string, WorkflowDefinition>();

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
