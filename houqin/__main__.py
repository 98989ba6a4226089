from houqin.cli.app import main

main()
