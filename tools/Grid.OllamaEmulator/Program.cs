using Grid.OllamaEmulator;

// Flags: --urls --models --slots --max-queue --tokens-per-second --ttft-ms --seed --fault-busy ... (see EmulatorOptions).
await OllamaEmulatorApplication.Create(args).RunAsync();
