/**
 * Texts up to this many characters are converted on the main thread; longer ones in a worker thread. Starting the
 * worker (a new isolate that loads the importers, swagger-parser and both YAML parsers) costs 0.4–0.6 s on our 2-core
 * CI machine, whatever the text. Converting in-process costs, for the densest format (an OpenAPI YAML description with
 * $refs and example bodies, measured with largeOpenApiYaml): 64 KB ≈ 33 ms, 128 KB ≈ 40 ms, 256 KB ≈ 88 ms, 1 MB ≈
 * 200 ms (medians of 5); JSON is about twice as fast, curl and Postman texts faster still. 128 KB keeps the main
 * thread's longest block near the 50 ms budget for the worst format while every paste and ordinary file skips the
 * worker; larger texts pay the worker's start-up to keep the app responsive.
 */
export const IN_PROCESS_MAX_CHARS = 128 * 1024;
