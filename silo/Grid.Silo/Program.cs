using Grid.Silo;
using Grid.Silo.Hosting;

GridSiloApp.Build(args, builder => builder.AddGridBoundedShutdown()).Run();
