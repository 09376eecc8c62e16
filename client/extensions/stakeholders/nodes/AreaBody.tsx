import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { readArea } from '../../../../shared/stakeholders';

/** A lane or quadrant: its guiding questions or description, drawn faintly behind what the team places on it. */
export function createAreaBody(): ComponentType<NodeBodyProps> {
  return function AreaBody({ node }) {
    const a = readArea(node);
    if (a.questions.length) {
      return (
        <ul className="sh-area-questions sh-body">
          {a.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      );
    }
    return a.description ? <p className="sh-area-description sh-body">{a.description}</p> : null;
  };
}
