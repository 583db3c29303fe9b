// The tests start service processes that each want the machine's cores; running them side by side only makes each slower.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
