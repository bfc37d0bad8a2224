// The parser ships no types. Only the call we make is declared; its result is API Elements
// refract JSON, typed on our side in refract.ts.
declare module "@apielements/apib-parser" {
  interface ApibParseOptions {
    source: string;
    generateSourceMap?: boolean;
    generateMessageBody?: boolean;
    generateMessageBodySchema?: boolean;
    requireBlueprintName?: boolean;
  }
  export function parse(options: ApibParseOptions): Promise<unknown>;
}
