// swagger-ui-react ships no type declarations: the props this app passes.
declare module 'swagger-ui-react' {
  import type { ComponentType } from 'react';
  interface SwaggerUIProps {
    url?: string;
    spec?: object;
    docExpansion?: 'list' | 'full' | 'none';
    defaultModelsExpandDepth?: number;
    displayOperationId?: boolean;
    tryItOutEnabled?: boolean;
    deepLinking?: boolean;
    showExtensions?: boolean;
    onComplete?: (system: unknown) => void;
  }
  const SwaggerUI: ComponentType<SwaggerUIProps>;
  export default SwaggerUI;
}
