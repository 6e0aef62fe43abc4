using Grid.Silo;

GridSiloApp.Build(args).Run();
