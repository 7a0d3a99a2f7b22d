// Intentionally empty: the start-up every .NET program pays before its first line.
return 0;
