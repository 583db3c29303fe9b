// Most of these tests wait on fsync and in-process HTTP, not on the CPU: twice as many classes at once as this 2-core
// machine's default keeps both cores busy (Api.Tests alone: 3 min 23 s at 4, all 1 314 passing).
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
