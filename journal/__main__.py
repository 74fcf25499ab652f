from journal.launcher import main

main()
